// Where the oracle's files are. Tests run from out/test/oracle/; the Python driver and the corpus are data files
// that stay in the source tree, so they are found from the repository root.
import * as path from 'path';

export const REPO_ROOT = path.join(__dirname, '..', '..', '..');
export const DRIVER_PY = path.join(REPO_ROOT, 'test', 'oracle', 'driver.py');
export const CORPUS_DIR = path.join(REPO_ROOT, 'test', 'corpus');
