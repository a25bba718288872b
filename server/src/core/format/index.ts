export { format, canFormat, applyEdits, type FormatOptions } from './format';
