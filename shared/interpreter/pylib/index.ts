// The standard-library modules the simulator runs from Python source (the ones CPython writes in Python), by
// module name. Each source is our own code, written to behave as CPython's module does.
export const pylibSources: Record<string, string> = {};
