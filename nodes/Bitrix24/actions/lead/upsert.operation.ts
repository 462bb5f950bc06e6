import { LEAD } from '../crm/entities';
import { crmUpsert } from '../crm/upsert';

export const { description, execute } = crmUpsert(LEAD);
