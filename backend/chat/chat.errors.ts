/** Why a chat request was refused, in words a customer or agent can act on. */
export const ChatError = {
  NOT_FOUND: 'There is no such chat.',
  ENDED: 'This chat has ended. Start a new one to write again.',
  TAKEN: 'Another agent is answering this chat.',
  NOT_WAITING: 'This chat is not waiting for an agent.',
  NO_ACCOUNT:
    'This chat is a visitor’s without a customer account; answer it in the chat, the reply is mailed to them.',
  VISITOR_REQUIRED: 'Give your name and email so we can answer you, or sign in.',
  VISITOR_FILES: 'Sign in to send files in the chat.',
  TOO_FAST:
    'You are sending messages faster than anyone can read them. Wait a moment, then send again.',
  TOO_MANY_CHATS:
    'You have started many chats in the last hour. Please continue in your open chat or try again later.',
  BAD_EVENT_ID: 'The chat cannot resume from that point. Reload the chat.',
  AGENT_NOT_FOUND: 'Chats can only be passed to a staff member.',
  UPLOAD_NOT_FOUND:
    'One of the attached files is no longer available. Remove it and upload it again.',
  STAFF_SESSION: 'You are signed in as staff; answer chats from the staff console.',
} as const;
