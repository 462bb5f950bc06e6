import { crmCreate } from '../crm/create';
import { COMPANY } from '../crm/entities';

export const { description, execute } = crmCreate(COMPANY);
