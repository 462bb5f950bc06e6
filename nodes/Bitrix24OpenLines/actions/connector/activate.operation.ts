import { activation } from './activation';

export const { description, execute } = activation('activate');
