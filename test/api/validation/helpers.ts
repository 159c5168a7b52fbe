import { fieldErrorText, type FieldError } from '../../../src/api/field-errors.js';

/** Errors as kube prints them, one line each. */
export const texts = (errs: FieldError[]): string[] => errs.map(fieldErrorText);
