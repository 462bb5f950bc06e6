import { crmUpdate } from '../crm/update';
import { LEAD } from '../crm/entities';

export const { description, execute } = crmUpdate(LEAD);
