import { crmCreate } from '../crm/create';
import { DEAL } from '../crm/entities';

export const { description, execute } = crmCreate(DEAL);
