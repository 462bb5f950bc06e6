import { itemAction } from './itemAction';

export const { description, execute } = itemAction('delete', 'task.checklistitem.delete', {
	deleted: true,
});
