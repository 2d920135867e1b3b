// The first-run sample book: 《临安年鉴（2021）》, built from the corpus seeds by the importer (shared/sample),
// with stand-in photos for its figures. Loaded on demand, so the sample's data is a separate chunk fetched only
// on the first run.
import type { SampleLoader } from './workbench';

export const loadSample: SampleLoader = async () => {
  const { loadSampleContents } = await import('../../shared/sample');
  return loadSampleContents();
};
