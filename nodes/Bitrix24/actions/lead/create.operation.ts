import { crmCreate } from '../crm/create';
import { LEAD } from '../crm/entities';

export const { description, execute } = crmCreate(LEAD);
