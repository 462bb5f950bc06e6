import { itemAction } from './itemAction';

export const { description, execute } = itemAction('complete', 'task.checklistitem.complete', {
	completed: true,
});
