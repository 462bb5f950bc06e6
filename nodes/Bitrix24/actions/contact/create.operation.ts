import { crmCreate } from '../crm/create';
import { CONTACT } from '../crm/entities';

export const { description, execute } = crmCreate(CONTACT);
