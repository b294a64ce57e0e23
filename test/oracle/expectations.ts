// What the corpus expects of the simulator besides CPython's output: the differences we know about (each with
// its reason) and the parity floor per version, both in test/corpus/ next to the programs.
import * as fs from 'fs';
import * as path from 'path';
import type { PythonVersion } from '../../shared/versions';
import { CORPUS_DIR } from './paths';

/** program -> version -> why the simulator differs from CPython there. */
export type KnownDifferences = Record<string, Partial<Record<PythonVersion, string>>>;

export function knownDifferences(): KnownDifferences {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'KNOWN_DIFFERENCES.json'), 'utf8')) as KnownDifferences;
}

/** The fewest identical programs each version may have; raised as the interpreter improves, never lowered. */
export function parityFloor(): Record<PythonVersion, number> {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'parity-floor.json'), 'utf8')) as Record<
    PythonVersion,
    number
  >;
}
