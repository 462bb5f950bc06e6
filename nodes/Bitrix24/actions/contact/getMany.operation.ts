import { crmGetMany } from '../crm/getMany';
import { CONTACT } from '../crm/entities';

export const { description, execute } = crmGetMany(CONTACT);
