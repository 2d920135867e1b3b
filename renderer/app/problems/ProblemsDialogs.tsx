// The checker's dialogs (fix-all preview, confirmation of a fix, 编辑说明统计, 体例设置), shown over the window.
import { ConfirmFixDialog, FixAllDialog } from './FixPreview';
import { useProblems, useProblemsController } from './controller';
import { HouseStyleDialog } from './HouseStyleDialog';
import { SummaryDialog } from './SummaryView';

export function ProblemsDialogs() {
  const ctl = useProblemsController();
  const dialog = useProblems((s) => s.dialog);
  if (!dialog) return null;
  const close = () => ctl.openDialog(null);
  switch (dialog.kind) {
    case 'fixAll':
      return <FixAllDialog plan={dialog.plan} onClose={close} />;
    case 'confirm':
      return <ConfirmFixDialog finding={dialog.finding} onClose={close} />;
    case 'summary':
      return <SummaryDialog onClose={close} />;
    case 'houseStyle':
      return <HouseStyleDialog tab={dialog.tab} onClose={close} />;
  }
}
