// One way to ask "are you sure?" for actions that remove or end something.
import { ElMessageBox } from 'element-plus';

/** Ask for confirmation with a warning; resolves true when the user confirms, false when they cancel. */
export function confirmAction(message: string, title: string, confirmText = '删除'): Promise<boolean> {
  return ElMessageBox.confirm(message, title, {
    confirmButtonText: confirmText,
    cancelButtonText: '取消',
    type: 'warning',
  })
    .then(() => true)
    .catch(() => false);
}
