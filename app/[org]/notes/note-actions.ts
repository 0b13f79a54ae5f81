import type { NoteActions } from "@/components/notes/note-detail";
import {
  addNoteCommentAction,
  deleteNoteAction,
  deleteNoteCommentAction,
  editNoteCommentAction,
  saveNoteAction,
  shareNoteAction,
} from "./actions";

/** The note pages' server actions, as the components take them (the coachee profile's Notes tab and the participant's Notes). */
export const NOTE_ACTIONS: NoteActions = {
  save: saveNoteAction,
  share: shareNoteAction,
  remove: deleteNoteAction,
  comments: { add: addNoteCommentAction, edit: editNoteCommentAction, remove: deleteNoteCommentAction },
};
