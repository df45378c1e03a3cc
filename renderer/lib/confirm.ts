// One way to ask "are you sure?" for actions that remove or end something.
import { ElMessageBox } from 'element-plus';

/** Ask for confirmation with a warning; resolves true when the user confirms, false when they cancel. */
export function confirmAction(
  message: string,
  title: string,
  confirmText = '删除',
  /** A class for the box, e.g. `sign-confirm` for finger-sized buttons in 签批模式. */
  customClass?: string,
): Promise<boolean> {
  return ElMessageBox.confirm(message, title, {
    confirmButtonText: confirmText,
    cancelButtonText: '取消',
    type: 'warning',
    // Only the buttons answer: on a touch screen the click that follows a tap's pointer lift (which may
    // have opened this box) would otherwise land on the backdrop and dismiss it at once.
    closeOnClickModal: false,
    ...(customClass ? { customClass } : {}),
  })
    .then(() => true)
    .catch(() => false);
}
