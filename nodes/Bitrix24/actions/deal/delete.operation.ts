import { crmDelete } from '../crm/delete';
import { DEAL } from '../crm/entities';

export const { description, execute } = crmDelete(DEAL);
