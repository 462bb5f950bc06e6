import { crmUpdate } from '../crm/update';
import { CONTACT } from '../crm/entities';

export const { description, execute } = crmUpdate(CONTACT);
