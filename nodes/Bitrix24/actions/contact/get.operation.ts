import { crmGet } from '../crm/get';
import { CONTACT } from '../crm/entities';

export const { description, execute } = crmGet(CONTACT);
