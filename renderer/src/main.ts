import { createApp } from 'vue';
import { createPinia } from 'pinia';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
// Components are imported on demand by unplugin-vue-components; the services called from code
// (ElMessage, ElMessageBox) need their styles imported here.
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { ElMessage } from 'element-plus';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { backupBeforeUpgrade, noteUpgradeProblem } from '../db/startup-upgrade';
import { installStorageAlerts } from '../lib/storage-alerts';

dayjs.locale('zh-cn');

// A storage failure no screen caught (a form awaiting its save) still reaches the secretary, in Chinese.
installStorageAlerts((message) => ElMessage.error({ message, duration: 0, showClose: true }));

// An older database is backed up before this version upgrades it (the projector window leaves that to the other).
const upgrade = location.hash.startsWith('#/projector') ? Promise.resolve('none') : backupBeforeUpgrade();
void upgrade.then((outcome) => {
  if (outcome !== 'none' && outcome !== 'done') noteUpgradeProblem(`升级数据库前未能备份：${outcome}`);
  createApp(App).use(createPinia()).use(router).mount('#app');
});

// A year of meetings and signatures lives in this profile's IndexedDB: ask the browser not to evict it under storage
// pressure (Electron grants it; a browser may decide). Asked after start-up, never in its way.
void navigator.storage?.persist?.().catch(() => undefined);
