import { crmGetMany } from '../crm/getMany';
import { LEAD } from '../crm/entities';

export const { description, execute } = crmGetMany(LEAD);
