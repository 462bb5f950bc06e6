import { finder } from './finder';

export const { description, execute } = finder('findByPhone', 'Phone', 'PHONE');
