import { crmGet } from '../crm/get';
import { DEAL } from '../crm/entities';

export const { description, execute } = crmGet(DEAL);
