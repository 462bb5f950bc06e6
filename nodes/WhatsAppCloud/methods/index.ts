import { searchTemplates } from './listSearch';

export const listSearch = { searchTemplates };
