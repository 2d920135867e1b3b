// The first-run sample book. Until the importer's embedded sample (shared/sample) is in the build, there is
// no sample to load and the first run shows the welcome screen (new book / open a book file).
import type { SampleLoader } from './workbench';

export const loadSample: SampleLoader = async () => null;
