import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/access.decorators.js';
import { ClientIp } from '../auth/current-caller.decorator.js';
import { AuthPayload } from './auth-payload.model.js';
import { toClinicianModel } from './clinicians.service.js';
import { LoginInput } from './dto/login.input.js';
import { RegisterInput } from './dto/register.input.js';
import { IdentityService, SignedIn } from './identity.service.js';

function toPayload(signedIn: SignedIn): AuthPayload {
  return {
    accessToken: signedIn.accessToken,
    refreshToken: signedIn.refreshToken,
    clinician: { ...toClinicianModel(signedIn.clinician), viewerIsOwner: true },
  };
}

@Resolver()
export class IdentityResolver {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Mutation(() => AuthPayload, { description: 'Create an account (unverified) and sign in' })
  async register(@Args('input') input: RegisterInput, @ClientIp() ip: string | null): Promise<AuthPayload> {
    return toPayload(await this.identity.register(input, ip));
  }

  @Public()
  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput, @ClientIp() ip: string | null): Promise<AuthPayload> {
    return toPayload(await this.identity.login(input.email, input.password, ip));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token for a new pair. Each token works once; reusing one ends the session.',
  })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayload> {
    return toPayload(await this.identity.refresh(refreshToken));
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'End the session of this refresh token; false if it was not active',
  })
  logout(@Args('refreshToken') refreshToken: string, @ClientIp() ip: string | null): Promise<boolean> {
    return this.identity.logout(refreshToken, ip);
  }
}
