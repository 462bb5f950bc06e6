import { crmGetAll } from '../crm/getAll';
import { LEAD } from '../crm/entities';

export const { description, execute } = crmGetAll(LEAD);
