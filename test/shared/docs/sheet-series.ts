/**
 * 交办单 of growing length for the fit tests: the demo's 2号 (two merged demands, an on-site answer, a typed
 * and a handwritten instruction) with its demand replaced by the first `chars` characters of a long account.
 */
import { assignmentSheetData, type AssignmentSheetData } from '../../../shared/docs/assignment-sheet';
import type { MeetingBundle } from '../../../shared/docs/bundle';
import { DEMO_NOW } from './docx';

/** A demand told at length, as some entrepreneurs do, repeated as far as needed. */
export const ACCOUNT =
  '我们公司二期厂房项目是按照2023年与经开区签订的招商引资协议建设的，协议约定厂房建成投产后按固定资产投资额的' +
  '百分之八给予建设补贴，分两年兑现。项目去年6月已经竣工投产，相关审计报告、投资发票和验收材料都已经按要求报送，' +
  '但是到现在一分钱补贴都没有兑现，我们多次到管委会和财政局询问，答复都是在走程序。企业今年订单下滑，' +
  '银行贷款又到期，资金非常紧张，希望区里督促有关部门对照协议尽快核算兑现，哪怕先拨付一部分也好。';

/** The first `chars` characters of the account (ACCOUNT repeated). */
export function account(chars: number): string {
  let text = '';
  while (text.length < chars) text += ACCOUNT;
  return text.slice(0, chars);
}

/** The demo's 2号 with a demand of `chars` characters (one demand, the answers and instruction as signed). */
export function sheetOfLength(bundle: MeetingBundle, chars: number): AssignmentSheetData {
  const data = assignmentSheetData(bundle, bundle.assignments[1]!.id, undefined, undefined, DEMO_NOW);
  const { verbatimUrgency: _, ...rest } = data;
  return { ...rest, verbatim: [account(chars)] };
}

/** The lengths the tests go through: 20 to 1,400 characters. */
export const SERIES: readonly number[] = Array.from({ length: 24 }, (_, i) => 20 + i * 60);

/** The longest demand the series' sheet keeps on one page (characters): longer ones continue on a 续页. */
export const ONE_PAGE_UP_TO = 142;
