import { crmDelete } from '../crm/delete';
import { COMPANY } from '../crm/entities';

export const { description, execute } = crmDelete(COMPANY);
