import { cpus, totalmem } from 'node:os';
import type { CliAskMeasurement, ColdMeasurement, StallMeasurement, WarmMeasurement } from './measure.js';

/** The machine a benchmark ran on. */
export type Machine = { cpu: string; cores: number; memoryGB: number; node: string; platform: string; date: string };

/** Everything measured for one corpus size, each part in its own fresh process. */
export type SizeResult = {
  /** The sentences the generator was asked for. */
  sentences: number;
  articleFiles: number;
  questions: number;
  cold: ColdMeasurement;
  warm: WarmMeasurement;
  /** A warm `storybot ask` as a whole process. */
  cliAsk: CliAskMeasurement;
  /** Null when the live story's re-indexing was not measured at this size. */
  stall: StallMeasurement | null;
  /** The most resident memory each process reached, in MB. */
  peakRssMB: { cold: number; warm: number; stall: number | null };
};

/** One target of issue #6 and whether this run met it. */
export type TargetResult = { target: string; sentences: number; value: number; limit: number; unit: string; met: boolean };

/** The whole benchmark: where it ran, what it measured and how that compares with the targets. */
export type BenchReport = { machine: Machine; sizes: SizeResult[]; targets: TargetResult[] };

/** The CPU, core count, memory, Node version and date of this run. */
export function machineInfo(): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGB: Math.round(totalmem() / 1e9),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
  };
}

/** Compares the measured figures with the targets, for the sizes that were run. */
export function evaluateTargets(sizes: readonly SizeResult[]): TargetResult[] {
  const targets: TargetResult[] = [];
  const add = (target: string, size: SizeResult, value: number, limit: number, unit: string) =>
    targets.push({ target, sentences: size.sentences, value, limit, unit, met: value <= limit });
  for (const size of sizes) {
    if (size.sentences === 100_000) {
      add('ask p99', size, size.cold.ask.p99Ms, 25, 'ms');
      add('ask p99 ÷ raw MiniSearch p99', size, size.cold.ask.p99Ms / size.cold.rawSearch.p99Ms, 1.5, '×');
      add('ingest + index', size, (size.cold.ingestMs + size.cold.indexMs) / 1000, 10, 's');
      add('RSS while answering', size, Math.max(size.cold.memory.rssMB, size.cold.servingRssMB), 400, 'MB');
      add('start-up from the saved index (in process)', size, size.warm.inProcessMs / 1000, 1.5, 's');
      add('warm storybot ask, whole process (median)', size, size.cliAsk.medianMs / 1000, 1.5, 's');
    }
    if (size.sentences === 1_000_000) {
      add('ask p99', size, size.cold.ask.p99Ms, 150, 'ms');
      add('peak process RSS', size, Math.max(size.peakRssMB.cold, size.peakRssMB.warm, size.peakRssMB.stall ?? 0) / 1000, 4, 'GB');
    }
    add('slowest capped question', size, Math.max(...size.cold.caps.map((cap) => cap.maxMs)), 100, 'ms');
    if (size.stall !== null) add('longest event-loop stall while re-indexing', size, size.stall.maxStallMs, 50, 'ms');
  }
  return targets;
}

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value >= 100 ? `${count(value)} ms` : `${value.toFixed(1)} ms`);
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const mb = (value: number) => `${count(value)} MB`;

/** The figures as rows of a table: a label and one cell per corpus size. */
export function tableRows(report: BenchReport): Array<[string, ...string[]]> {
  const rows: Array<[string, ...string[]]> = [];
  const row = (label: string, cell: (size: SizeResult) => string) => rows.push([label, ...report.sizes.map(cell)]);
  const per100k = (size: SizeResult, value: number) => (value * 100_000) / size.cold.passages;
  row('sentences asked of the generator', (size) => count(size.sentences));
  row('article files', (size) => count(size.articleFiles));
  row('passages indexed', (size) => count(size.cold.passages));
  row('ingest (read, parse, split)', (size) => seconds(size.cold.ingestMs));
  row('index (MiniSearch, names)', (size) => seconds(size.cold.indexMs));
  row('sentences indexed per second', (size) => count(size.cold.sentencesPerSecond));
  row('ask p50 / p99', (size) => `${ms(size.cold.ask.p50Ms)} / ${ms(size.cold.ask.p99Ms)}`);
  row('ask max / mean', (size) => `${ms(size.cold.ask.maxMs)} / ${ms(size.cold.ask.meanMs)}`);
  row('answers per second, one core', (size) => count(size.cold.ask.answersPerSecond));
  row('answered / abstained / refused', (size) => `${size.cold.ask.answered} / ${size.cold.ask.abstained} / ${size.cold.ask.refused} of ${size.cold.ask.count}`);
  row('raw MiniSearch search p50 / p99', (size) => `${ms(size.cold.rawSearch.p50Ms)} / ${ms(size.cold.rawSearch.p99Ms)} (${size.cold.rawSearch.count} q)`);
  row('ask p99 ÷ raw search p99', (size) => `${(size.cold.ask.p99Ms / size.cold.rawSearch.p99Ms).toFixed(2)}×`);
  row('index top-k search p50 / p99', (size) => `${ms(size.cold.indexSearch.p50Ms)} / ${ms(size.cold.indexSearch.p99Ms)}`);
  row('heap after indexing (per 100k)', (size) => `${mb(size.cold.memory.heapMB)} (${mb(per100k(size, size.cold.memory.heapMB))})`);
  row('RSS after indexing (per 100k)', (size) => `${mb(size.cold.memory.rssMB)} (${mb(per100k(size, size.cold.memory.rssMB))})`);
  row('RSS after answering', (size) => mb(size.cold.servingRssMB));
  row('peak RSS: cold / saved / live', (size) => `${mb(size.peakRssMB.cold)} / ${mb(size.peakRssMB.warm)} / ${size.peakRssMB.stall === null ? '–' : mb(size.peakRssMB.stall)}`);
  row('cold start to first answer', (size) => `${seconds(size.cold.coldStartMs)} (${seconds(size.cold.coldStartInProcessMs)} in process)`);
  row('saving the index', (size) => `${seconds(size.cold.save.ms)}, ${mb(size.cold.save.bytes / 1e6)}`);
  row('start from saved index to first answer', (size) => `${seconds(size.warm.startMs)} (${seconds(size.warm.inProcessMs)} in process)${size.warm.fromCache ? '' : ' REBUILT'}`);
  row('  of which Node + tsx start-up', (size) => seconds(size.warm.bootMs));
  row('warm `storybot ask`, whole process: min / median', (size) => `${seconds(size.cliAsk.minMs)} / ${seconds(size.cliAsk.medianMs)} (${size.cliAsk.runs} runs)${size.cliAsk.fromCache ? '' : ' REBUILT'}`);
  for (const [i, cap] of (report.sizes[0]?.cold.caps ?? []).entries()) {
    row(`${cap.name} (${count(cap.characters)} chars)`, (size) => `${ms(size.cold.caps[i]?.maxMs ?? 0)}, ${size.cold.caps[i]?.outcome ?? ''}`);
  }
  row('longest stall while re-indexing', (size) => (size.stall === null ? '–' : `${ms(size.stall.maxStallMs)} (${size.stall.path})`));
  row('slowest answer during re-indexing', (size) => (size.stall === null ? '–' : ms(size.stall.maxAskMs)));
  return rows;
}

/** The figures as an aligned plain-text table, for the terminal. */
export function renderTable(report: BenchReport): string {
  const header: [string, ...string[]] = ['', ...report.sizes.map((size) => `${count(size.sentences)} sentences`)];
  const rows = [header, ...tableRows(report)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  const targets = report.targets.map(describeTarget);
  return [...lines, '', 'Targets:', ...targets.map((line) => `  ${line}`)].join('\n');
}

/** One target as a line: met or missed, and by how much. */
export function describeTarget(target: TargetResult): string {
  const value = target.unit === '×' ? target.value.toFixed(2) : target.unit === 'ms' ? target.value.toFixed(1) : target.value.toFixed(2);
  const verdict = target.met ? 'met' : `MISSED by ${(((target.value - target.limit) / target.limit) * 100).toFixed(0)}%`;
  return `${count(target.sentences)} sentences, ${target.target}: ${value} ${target.unit} (target ≤ ${target.limit} ${target.unit}) — ${verdict}`;
}

/** BENCHMARKS.md: the machine, the figures, the targets and how they were measured. */
export function renderMarkdown(report: BenchReport, notes: string): string {
  const machine = report.machine;
  const header = ['', ...report.sizes.map((size) => `${count(size.sentences)} sentences`)];
  const rows = tableRows(report).map((row) => `| ${row.join(' | ')} |`);
  return [
    '# Benchmarks',
    '',
    'Generated by `npm run bench` (add `-- --large` for 1,000,000 sentences, `-- --json` for JSON); do not edit by hand.',
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, ${machine.platform}, Node ${machine.node}; run ${machine.date}.`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows,
    '',
    '## Targets (issue #6)',
    '',
    ...report.targets.map((target) => `- ${describeTarget(target)}`),
    '',
    notes.trim(),
    '',
  ].join('\n');
}
