// Only screens that work are routed (DESIGN.md §2); later screens join as they are built.
import { createRouter, createWebHashHistory } from 'vue-router';
import MeetingsView from '../views/MeetingsView.vue';

/** The app's router; hash history works from file:// in Electron and from any static server. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/meetings' },
    { path: '/meetings', name: 'meetings', component: MeetingsView, meta: { title: '会议列表' } },
    {
      path: '/settings',
      name: 'settings',
      component: () => import('../views/SettingsView.vue'),
      meta: { title: '设置' },
    },
    { path: '/:rest(.*)*', redirect: '/meetings' },
  ],
});

router.afterEach((to) => {
  document.title = to.meta['title'] ? `${String(to.meta['title'])} · 恳谈会务台` : '恳谈会务台';
});
