// The CPython versions whose behaviour we simulate; one list for the CLI flag, the setting and the parser.
export const PYTHON_VERSIONS = ['3.11', '3.12', '3.13', '3.14'] as const;
export type PythonVersion = (typeof PYTHON_VERSIONS)[number];

/** The product default when nothing names a version. */
export const DEFAULT_PYTHON_VERSION: PythonVersion = '3.13';

export function isPythonVersion(value: unknown): value is PythonVersion {
  return (PYTHON_VERSIONS as readonly unknown[]).includes(value);
}
