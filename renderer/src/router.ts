// Only screens that work are routed (docs/architecture.md, "Screens"); later screens join as they are built.
import { createRouter, createWebHashHistory } from 'vue-router';
import MeetingsView from '../views/MeetingsView.vue';

/** The app's router; hash history works from file:// in Electron and from any static server. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/meetings' },
    { path: '/meetings', name: 'meetings', component: MeetingsView, meta: { title: '会议列表' } },
    {
      path: '/meetings/new',
      name: 'meeting-new',
      component: () => import('../views/MeetingEditView.vue'),
      meta: { title: '新建会议' },
    },
    {
      path: '/meetings/:id/edit',
      name: 'meeting-edit',
      component: () => import('../views/MeetingEditView.vue'),
      props: true,
      meta: { title: '编辑会议' },
    },
    {
      path: '/meetings/:id/prep',
      name: 'prep',
      component: () => import('../views/PrepView.vue'),
      props: true,
      meta: { title: '会前准备' },
    },
    {
      path: '/prep',
      name: 'prep-next',
      component: () => import('../views/PrepView.vue'),
      meta: { title: '会前准备' },
    },
    {
      path: '/meetings/:id/live',
      name: 'live',
      component: () => import('../views/LiveView.vue'),
      props: true,
      meta: { title: '会中记录' },
    },
    {
      path: '/live',
      name: 'live-next',
      component: () => import('../views/LiveView.vue'),
      meta: { title: '会中记录' },
    },
    {
      path: '/meetings/:id/assignments',
      name: 'assignments',
      component: () => import('../views/AssignmentsView.vue'),
      props: true,
      meta: { title: '拟办与签批' },
    },
    {
      path: '/assignments',
      name: 'assignments-next',
      component: () => import('../views/AssignmentsView.vue'),
      meta: { title: '拟办与签批' },
    },
    {
      // 签批模式: the leader's touch screen, full screen, without the navigation.
      path: '/meetings/:id/sign',
      name: 'sign-mode',
      component: () => import('../views/SignModeView.vue'),
      props: true,
      meta: { title: '签批模式', bare: true },
    },
    {
      path: '/meetings/:id/export',
      name: 'export',
      component: () => import('../views/ExportView.vue'),
      props: true,
      meta: { title: '交办导出' },
    },
    {
      path: '/export',
      name: 'export-next',
      component: () => import('../views/ExportView.vue'),
      meta: { title: '交办导出' },
    },
    {
      path: '/verify',
      name: 'sheet-check',
      component: () => import('../views/SheetCheckView.vue'),
      meta: { title: '核对交办单' },
    },
    {
      // 跟踪督办: every handed-off 交办件 until 办结 and 销号.
      path: '/follow-up',
      name: 'follow-up',
      component: () => import('../views/FollowUpView.vue'),
      meta: { title: '跟踪督办' },
    },
    {
      // 对账销号: per lead department, what was handed over and where it stands, 销号 in batch, 问题清单.
      path: '/reconcile',
      name: 'reconcile',
      component: () => import('../views/ReconcileView.vue'),
      meta: { title: '对账销号' },
    },
    {
      // 统计分析: every figure of a period with the records behind it, the charts, and the 全市汇总 of districts.
      path: '/statistics',
      name: 'statistics',
      component: () => import('../views/StatisticsView.vue'),
      meta: { title: '统计分析' },
    },
    {
      path: '/follow-up/:id',
      name: 'follow-up-item',
      component: () => import('../views/FollowUpItemView.vue'),
      props: true,
      meta: { title: '督办事项' },
    },
    {
      path: '/recycle-bin',
      name: 'recycle-bin',
      component: () => import('../views/RecycleBinView.vue'),
      meta: { title: '回收站' },
    },
    {
      path: '/directory',
      name: 'directory',
      component: () => import('../views/DirectoryView.vue'),
      meta: { title: '企业库' },
    },
    {
      path: '/settings',
      name: 'settings',
      component: () => import('../views/SettingsView.vue'),
      meta: { title: '设置' },
    },
    {
      // The projector window: full screen behind the leader, without the navigation.
      path: '/projector/:id',
      name: 'projector',
      component: () => import('../views/ProjectorView.vue'),
      props: true,
      meta: { title: '投屏', bare: true },
    },
    { path: '/:rest(.*)*', redirect: '/meetings' },
  ],
});

router.afterEach((to) => {
  document.title = to.meta['title'] ? `${String(to.meta['title'])} · 恳谈会务台` : '恳谈会务台';
});
