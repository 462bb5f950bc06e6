import { crmGet } from '../crm/get';
import { LEAD } from '../crm/entities';

export const { description, execute } = crmGet(LEAD);
