import { describeSubscriptionChange } from '../../../../src/digest/digest-desk.js';
import { formatInstant } from '../../../../src/digest/render-text.js';
import { channelNotice, digestChannelOf, digestsOff } from './story-digest.js';
import type { StorySubcommand } from './story-subcommand.js';

/** `/story subscribe`: this channel gets the scheduled story digest from now on. */
export const subscribeSubcommand = {
  name: 'subscribe',
  usage: '/story subscribe',
  description: 'post the scheduled story digest in this channel',
  takesArguments: false,
  execute(input) {
    if (input.deps.digests === undefined) return digestsOff();
    const change = input.deps.digests.subscribe(digestChannelOf(input));
    input.deps.log.info({ channel: input.command.channel_id, status: change.status }, 'digest subscription');
    return channelNotice(describeSubscriptionChange(change, formatInstant));
  },
} satisfies StorySubcommand;

/** `/story unsubscribe`: this channel stops getting the scheduled story digest. */
export const unsubscribeSubcommand = {
  name: 'unsubscribe',
  usage: '/story unsubscribe',
  description: 'stop posting the scheduled story digest in this channel',
  takesArguments: false,
  execute(input) {
    if (input.deps.digests === undefined) return digestsOff();
    const change = input.deps.digests.unsubscribe(digestChannelOf(input));
    input.deps.log.info({ channel: input.command.channel_id, status: change.status }, 'digest subscription');
    return channelNotice(describeSubscriptionChange(change, formatInstant));
  },
} satisfies StorySubcommand;
