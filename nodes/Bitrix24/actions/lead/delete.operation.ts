import { crmDelete } from '../crm/delete';
import { LEAD } from '../crm/entities';

export const { description, execute } = crmDelete(LEAD);
