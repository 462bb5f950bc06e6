import { crmDelete } from '../crm/delete';
import { CONTACT } from '../crm/entities';

export const { description, execute } = crmDelete(CONTACT);
