import { crmGet } from '../crm/get';
import { COMPANY } from '../crm/entities';

export const { description, execute } = crmGet(COMPANY);
