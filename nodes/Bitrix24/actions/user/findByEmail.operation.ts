import { finder } from './finder';

export const { description, execute } = finder('findByEmail', 'Email', 'EMAIL');
