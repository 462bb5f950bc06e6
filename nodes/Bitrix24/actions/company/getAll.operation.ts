import { crmGetAll } from '../crm/getAll';
import { COMPANY } from '../crm/entities';

export const { description, execute } = crmGetAll(COMPANY);
