import { crmGetAll } from '../crm/getAll';
import { CONTACT } from '../crm/entities';

export const { description, execute } = crmGetAll(CONTACT);
