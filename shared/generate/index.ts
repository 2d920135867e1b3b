export { FULL_SIZE, generateVolume, varyNumbers, type GenerateOptions, type GeneratedVolume } from './generate';
export { harvestCorpus, splitSentences, type Corpus } from './harvest';
export { createRng, hashString, type Rng } from './rng';
export { encodePng, crc32, standInPhoto } from './png';
export { CATEGORY_FRAMES, districtOf } from './vocabulary';
