import { createApp, defineComponent, ref } from 'vue';
import { BUTTONS, FIRST, NEXT, headers, type SignedInEvent } from './shop.ts';

/*
 * A small shop page in Vue 3 with a template compiled in the browser. `isCustomElement` tells
 * Vue's compiler that `portico-*` tags are custom elements, not Vue components. Vue sets a bound
 * value as a property when the element has it (once its code has loaded) and as an attribute
 * otherwise; `.prop` (here the `.withoutSignUp` shorthand) always sets the property.
 */

const Shop = defineComponent({
  setup() {
    const user = ref<string | null>(null);
    const signIns = ref(0);
    const query = ref<string>(FIRST.query);
    const pageSize = ref<number>(FIRST.pageSize);
    const position = ref<string>(FIRST.position);
    const withoutSignUp = ref<boolean>(FIRST.withoutSignUp);
    const renders = ref(0);
    const shown = ref(true);
    return {
      BUTTONS,
      NEXT,
      header: headers('Vue'),
      user,
      signIns,
      query,
      pageSize,
      position,
      withoutSignUp,
      renders,
      shown,
      onSignedIn(event: SignedInEvent) {
        user.value = event.user.email;
        signIns.value += 1;
      },
      onSignedOut() {
        user.value = null;
      },
    };
  },
  template: `
    <main>
      <p id="status">{{ user ? 'Signed in: ' + user : 'Signed out' }}</p>
      <p id="signed-in-count">{{ signIns }}</p>
      <p id="renders">{{ renders }}</p>
      <button :id="BUTTONS.nextQuery" type="button" @click="query = NEXT.query">
        Search for tracking
      </button>
      <button :id="BUTTONS.biggerPage" type="button" @click="pageSize = NEXT.pageSize">
        Show more products
      </button>
      <button :id="BUTTONS.chatStart" type="button" @click="position = NEXT.position">
        Chat on the other side
      </button>
      <button :id="BUTTONS.hideSignUp" type="button" @click="withoutSignUp = NEXT.withoutSignUp">
        Hide sign-up
      </button>
      <button :id="BUTTONS.rerender" type="button" @click="renders += 1">Render again</button>
      <button :id="BUTTONS.toggle" type="button" @click="shown = !shown">
        {{ shown ? 'Hide the portal' : 'Show the portal' }}
      </button>
      <section v-if="shown" id="portal">
        <portico-login
          id="login"
          .withoutSignUp="withoutSignUp"
          @portico-signed-in="onSignedIn"
          @portico-signed-out="onSignedOut"
        >
          <span slot="header">{{ header.login }}</span>
        </portico-login>
        <portico-help-search id="help" :query="query"></portico-help-search>
        <portico-order-form id="shop" :page-size="pageSize"></portico-order-form>
        <portico-chat id="chat" :position="position">
          <span slot="header">{{ header.chat }}</span>
        </portico-chat>
        <portico-notifications id="bell"></portico-notifications>
      </section>
    </main>
  `,
});

const app = createApp(Shop);
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('portico-');
app.mount('#root');
