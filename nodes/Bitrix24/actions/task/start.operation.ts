import { statusAction } from './statusAction';

export const { description, execute } = statusAction('start');
