export { foldingRanges, type FoldingRange } from './folding';
