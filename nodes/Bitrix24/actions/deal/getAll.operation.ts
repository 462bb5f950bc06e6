import { crmGetAll } from '../crm/getAll';
import { DEAL } from '../crm/entities';

export const { description, execute } = crmGetAll(DEAL);
