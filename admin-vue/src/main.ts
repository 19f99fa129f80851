import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createApi, localStorageTokens } from './api';
import { apiKey } from './composables/use-api';
import { createAppRouter } from './router';
import { useOrgContextStore } from './stores/org-context';
import { useSessionStore } from './stores/session';
import './styles/base.css';
import './styles/dark.css';
import './styles/phone.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter(pinia);

const api = createApi({
  tokens: localStorageTokens(),
  context: () => useOrgContextStore(pinia).header,
  onSessionExpired: () => {
    useSessionStore(pinia).expire();
    const here = router.currentRoute.value;
    if (!here.meta.public) void router.push({ name: 'login', query: { redirect: here.fullPath } });
  },
});

app.provide(apiKey, api);
app.use(pinia);
app.use(router);
app.mount('#app');
