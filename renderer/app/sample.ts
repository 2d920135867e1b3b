// The first-run sample book: 《临安年鉴（2021）》, built from the corpus seeds by the importer (shared/sample).
// Loaded on demand, so the sample's data is a separate chunk fetched only on the first run.
import type { SampleLoader } from './workbench';

export const loadSample: SampleLoader = async () => {
  const { loadSampleBook } = await import('../../shared/sample');
  const book = loadSampleBook();
  // The sample's figures have no photos yet (assetId null), so there are no asset bytes to carry.
  return { book, assets: new Map() };
};
