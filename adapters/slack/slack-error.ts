/** The parts of a Web API error worth logging: its code and Slack's error name, never the request that carried a token. */
export function describeSlackError(error: unknown): { message: string; code?: string; slackError?: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, data } = error as { code?: string; data?: { error?: string } };
  return { message: error.message, code, slackError: data?.error };
}
